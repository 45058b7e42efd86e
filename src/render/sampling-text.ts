import type { ProfileSampling } from "../model/index.js";

/** How a profile's records were taken, as the file says it: the method, or why none were read. */
export function samplingText(sampling: ProfileSampling): string {
  return sampling.status === "read" ? sampling.method : `not sampled: ${sampling.reason}`;
}
