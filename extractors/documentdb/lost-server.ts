import { MongoServerSelectionError } from "mongodb";
import { failureReason } from "./errors.js";

/**
 * Whether the run has lost its server. The driver waits up to `server_selection_timeout_ms` for
 * a server on every command, which is right for a failover or a short blip; but once one
 * command has waited that long and found none, every later collection would wait as long
 * again (2,000 collections: hours). From then on the rest of the run fails each collection at
 * once, as a failure of that collection, so their files keep what they had.
 */
export class LostServer {
  private lost = false;

  get isLost(): boolean {
    return this.lost;
  }

  /** Records the error; true when it says the server is gone (a collection cannot go on). */
  note(error: unknown): boolean {
    if (error instanceof MongoServerSelectionError) this.lost = true;
    return failureReason(error).kind === "connection_lost";
  }
}
