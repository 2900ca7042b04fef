/** The part of autocannon's programmatic API the pages bench uses (the package ships no types). */
declare module "autocannon" {
  type Histogram = { average: number; total: number; p50: number; p99: number; max: number };
  type Options = {
    url: string;
    connections?: number;
    duration?: number;
    headers?: Record<string, string>;
    requests?: { method?: string; path: string; headers?: Record<string, string> }[];
  };
  type Result = { requests: Histogram; latency: Histogram; duration: number; errors: number; timeouts: number; non2xx: number };
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
