/**
 * A test-only fault point: with `OKF_TEST_KILL_AT_STEP=N` in the environment, the process
 * kills itself with SIGKILL at the Nth durable step of a bundle write (a file renamed into
 * place, a state journal entry appended, the journal removed). The kill-loop test uses it to
 * interrupt a real run at every instant that matters. Unset (always, outside that test) it does
 * nothing.
 */
const variable = "OKF_TEST_KILL_AT_STEP";

let stepsTaken = 0;

export function durableStepTaken(): void {
  const limit = process.env[variable];
  if (limit === undefined || limit === "") return;
  stepsTaken++;
  if (String(stepsTaken) === limit) process.kill(process.pid, "SIGKILL");
}
