export * from "./DatasetError";
export * from "./validateDataset";
export * from "./indexDataset";
