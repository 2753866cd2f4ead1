import { z } from "zod";
import { deliveryRulesSchema } from "@/lib/journey-core/delivery-rules";

/** PUT body: the rules, or null to go back to the default (see workspace-delivery-rules.ts). */
export const deliveryRulesInputSchema = z.strictObject({ rules: deliveryRulesSchema.nullable() });
