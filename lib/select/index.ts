export * from "./filters";
export * from "./linked";
export * from "./graph";
export * from "./quotes";
export * from "./actorOptions";
export * from "./filterTable";
export * from "./wording";
