export * from "./filters";
export * from "./linked";
