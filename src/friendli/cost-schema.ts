// The team cost report (`GET /v1/team/cost`) as Friendli's OpenAPI document defines it
// (CostResponse, CostBucket, CostResult), not as its 200 example shows it: the example nests a
// second `data` inside the first, which the schema does not allow. zod/mini, as in
// src/friendli/schemas.ts. Each result is checked on its own (../cost/report.ts), so one bad line item is
// ignored rather than the whole report.
import { z } from "zod/mini";

/** One line item of a bucket; `total` is USD as a decimal string, `unit_price` cents per unit. */
export const CostResultSchema = z.looseObject({
  total: z.string(),
  quantity: z.nullish(z.string()),
  unit_price: z.nullish(z.string()),
  line_item: z.nullish(z.string()),
});

const CostBucketSchema = z.looseObject({
  start_time: z.string(),
  end_time: z.string(),
  results: z.array(z.unknown()),
});
export type CostBucket = z.infer<typeof CostBucketSchema>;

export const CostResponseSchema = z.looseObject({
  has_more: z.boolean(),
  next_page: z.nullish(z.string()),
  data: z.array(CostBucketSchema),
});
export type CostResponse = z.infer<typeof CostResponseSchema>;
