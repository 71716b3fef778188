export * from "./DatasetError";
export * from "./validateDataset";
export * from "./indexDataset";
export * from "./delivery";
