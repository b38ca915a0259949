// Friendli's list prices for Dedicated Endpoints, in one place: USD per GPU-hour by GPU model (the
// names of src/friendli/gpus.ts). The public API has no price list, so the table is copied by hand
// and carries the date it was read and where from; `gpu-hourly-price` overrides it for a
// negotiated price. A GPU model that is not here has no estimate: a guess would read as a fact.

/** When the prices below took effect, and where they were read. */
export const PRICE_SOURCE = {
  /** The list prices in force from this day (the page announced them ahead: "effective Oct 1"). */
  effective: "2026-10-01",
  /** The pricing page, as transcribed by a third party on 2026-09-20 (api-evangelist/friendliai). */
  url: "https://friendli.ai/pricing",
  /** The list prices until `effective`, for a reader comparing older bills. */
  before: { "A100 80GB": 2.9, H100: 3.9, H200: 4.5, B200: 8.9 },
} as const;

/**
 * USD per GPU-hour (billed per second while a replica runs). The page also lists a B300 (12.00),
 * which the instance options of the API do not offer yet.
 */
export const LIST_PRICES: Readonly<Record<string, number>> = {
  "A100 80GB": 4.0,
  H100: 5.0,
  H200: 7.0,
  B200: 9.0,
};

/** The list price of a GPU model, or undefined for one the table does not know. */
export function listPrice(gpuModel: string): number | undefined {
  return Object.hasOwn(LIST_PRICES, gpuModel) ? LIST_PRICES[gpuModel] : undefined;
}
