import { describe, expect, it } from "vitest";
import { COMMAND_NAMES } from "../lib/commands";
import { mockHandlers } from "./handlers";

describe("the mock (mock/handlers.ts)", () => {
  const handlers = mockHandlers(false);
  it("has a handler for every command of the shell (COMMAND_NAMES, generated from src-tauri/src/ipc.rs)", () => {
    const missing = COMMAND_NAMES.filter((name) => typeof handlers[name] !== "function");
    expect(missing, "commands without a mock handler: add them to ui/src/mock/handlers.ts").toEqual([]);
  });
  it("handles no command the shell does not have", () => {
    const known: readonly string[] = COMMAND_NAMES;
    expect(Object.keys(handlers).filter((name) => !known.includes(name))).toEqual([]);
  });
});
