export * from "../model/viewState";
export * from "./parsers";
export * from "./parseContext";
export * from "./urlCodec";
export * from "./store";
export * from "./urlSync";
export * from "./gesture";
