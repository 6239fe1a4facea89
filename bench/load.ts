import { fork } from "node:child_process";

export interface LoadOptions {
  origin: string;
  paths: string[];
  headers?: Record<string, string>;
  connections: number;
  /** Seconds. */
  duration: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  total: number;
  /** Milliseconds. */
  p50: number;
  p99: number;
  p90: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
}

/** Fires autocannon from a child process at 127.0.0.1 and returns its figures. */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(options.origin)) {
    return Promise.reject(new Error(`the bench only loads 127.0.0.1, not ${options.origin}`));
  }
  return new Promise((resolve, reject) => {
    const child = fork(new URL("./load-worker.ts", import.meta.url), [], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    // The load stops by itself after `duration`; this is only a guard against a stuck child.
    const guard = setTimeout(() => child.kill("SIGKILL"), (options.duration + 30) * 1000);
    let result: LoadResult | undefined;
    child.on("message", (message: LoadResult) => {
      result = message;
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(guard);
      if (result) resolve(result);
      else reject(new Error(`autocannon child exited with code ${code} and no result`));
    });
    child.send(options);
  });
}
