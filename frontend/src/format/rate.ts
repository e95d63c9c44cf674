import { formatBytes } from "./bytes";

/** Bytes per second in binary units, for example "1.2 MiB/s"; "—" when unknown. */
export function formatRate(bytesPerSecond: number | null | undefined): string {
  if (bytesPerSecond == null || !Number.isFinite(bytesPerSecond)) return "—";
  return `${formatBytes(bytesPerSecond)}/s`;
}
