import { z } from "zod";
import { deliveryRulesSchema } from "@/lib/journey-core/delivery-rules";

/** PUT body: the rules, or null to go back to the default (see workspace-delivery-rules.ts). */
export const deliveryRulesInputSchema = z.strictObject({ rules: deliveryRulesSchema.nullable() });

/** What GET/PUT …/delivery-rules answer. */
export const deliveryRulesViewSchema = z.object({
  rules: deliveryRulesSchema,
  isDefault: z.boolean().meta({
    description: "True when the workspace has not set its own rules (the default applies).",
  }),
});
