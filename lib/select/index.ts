export * from "./filters";
export * from "./linked";
export * from "./quotes";
export * from "./actorOptions";
