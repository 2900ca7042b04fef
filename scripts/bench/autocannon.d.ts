/** The part of autocannon's programmatic API the benches and the load test use (the package ships no types). */
declare module "autocannon" {
  import type { EventEmitter } from "node:events";
  type Histogram = { average: number; total: number; p50: number; p99: number; max: number };
  type RawRequest = { method?: string; path: string; headers?: Record<string, string>; body?: string };
  type Request = RawRequest & {
    /** Changes the request before it is sent; `context` is the connection's own. */
    setupRequest?: (request: RawRequest, context: Record<string, unknown>) => RawRequest;
    onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string>) => void;
  };
  type Options = {
    url: string;
    connections?: number;
    duration?: number;
    timeout?: number;
    headers?: Record<string, string>;
    requests?: Request[];
  };
  type Result = { requests: Histogram; latency: Histogram; duration: number; errors: number; timeouts: number; non2xx: number };
  type Instance = EventEmitter & PromiseLike<Result> & { stop: () => void };
  function autocannon(options: Options): Instance;
  export default autocannon;
}
