export * from "./filters";
export * from "./linked";
export * from "./quotes";
