// The hand-written half of the IPC layer, and the only file that calls `invoke`: `call` (every
// rejection becomes an IpcError {code, message, fields}) and the event listeners. The typed
// wrapper of each command is generated into ./ipc.ts (from src-tauri/src/ipc.rs), which
// re-exports this file: screens import "./ipc". Names, arguments and results come from the
// generated command map (./commands.ts), so a change in the shell is a type error. See
// docs/APP.md for the contract.

import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { JOB_PROGRESS_EVENT, PROGRESS_EVENT, type CommandName, type Commands } from "./commands";
import { toCommandError } from "./errors";
import type * as T from "./types";

type Args<K extends CommandName> = Commands[K]["args"];
type Result<K extends CommandName> = Commands[K]["result"];

/** Commands without arguments may be called without them. */
type ArgList<K extends CommandName> = Args<K> extends Record<string, never> ? [args?: Args<K>] : [args: Args<K>];

export async function call<K extends CommandName>(cmd: K, ...[args]: ArgList<K>): Promise<Result<K>> {
  try {
    return await invoke<Result<K>>(cmd, args);
  } catch (raw) {
    throw toCommandError(raw);
  }
}

/** `progress` events of long operations (fetch-all, batches, code uploads). */
export function onProgress(handler: (p: T.Progress) => void): Promise<UnlistenFn> {
  return listen<T.Progress>(PROGRESS_EVENT, (e) => handler(e.payload));
}

/** `job-progress` events of bulk jobs. */
export function onJobProgress(handler: (p: T.JobProgress) => void): Promise<UnlistenFn> {
  return listen<T.JobProgress>(JOB_PROGRESS_EVENT, (e) => handler(e.payload));
}
