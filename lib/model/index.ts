export * from "./schema";
export * from "./verbatim";
