/** dynalite ships no types; okf uses only its factory, which returns a plain `http.Server`. */
declare module "dynalite" {
  import type { Server } from "node:http";

  interface DynaliteOptions {
    /** How long tables stay CREATING / DELETING / UPDATING, in ms (default 500). */
    createTableMs?: number;
    deleteTableMs?: number;
    updateTableMs?: number;
    /** A LevelDB folder; in memory when absent. */
    path?: string;
  }

  export default function dynalite(options?: DynaliteOptions): Server;
}
