export * from "./schema";
export * from "./verbatim";
export * from "./vocabulary";
