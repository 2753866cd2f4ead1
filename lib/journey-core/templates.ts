// The journey templates the builder offers ("start from a template"). Each is
// a complete, publishable definition with a goal; templates.test.ts validates
// every one and runs it end to end through the simulator. The sources are
// written as input (content defaults left out) and parsed once here, so each
// `definition` is exactly what validateJourney returns for it.

import { type JourneyDefinition, journeyDefinitionSchema } from "./definition";
import {
  introduceComplementaryFeature,
  introduceFeatureOnFirstUse,
  nudgeStalledOnboarding,
} from "./templates-activation";
import { promptUpgradeNearLimit, reengageInactiveUsers } from "./templates-retention";

export interface JourneyTemplate {
  slug: string;
  name: string;
  description: string;
  definition: JourneyDefinition;
}

export const JOURNEY_TEMPLATES: readonly JourneyTemplate[] = [
  {
    slug: "introduce-feature-on-first-use",
    name: "Introduce a feature on first use",
    description:
      "The first time someone uses alerts, point out what they can do, then follow up by email two days later unless they have used alerts again.",
    definition: journeyDefinitionSchema.parse(introduceFeatureOnFirstUse),
  },
  {
    slug: "nudge-stalled-onboarding",
    name: "Nudge a stalled onboarding",
    description:
      "Finished onboarding step 2 but not step 3 within 24 hours: send a nudge by email, then a dashboard banner two days later.",
    definition: journeyDefinitionSchema.parse(nudgeStalledOnboarding),
  },
  {
    slug: "reengage-inactive-users",
    name: "Re-engage after 7 quiet days",
    description:
      "Seven days without any activity: email on the next weekday morning in their timezone, then welcome them back or try once more.",
    definition: journeyDefinitionSchema.parse(reengageInactiveUsers),
  },
  {
    slug: "upgrade-near-plan-limit",
    name: "Upgrade prompt at 80% of the plan",
    description:
      "When usage reaches 80% of the plan limit, Free users see an in-app prompt and an email; Pro users hear about the Team plan.",
    definition: journeyDefinitionSchema.parse(promptUpgradeNearLimit),
  },
  {
    slug: "first-report-to-dashboard",
    name: "From first report to shared dashboard",
    description:
      "After a first report, introduce dashboard sharing (A/B test: in-app card or email), with a reminder three days later.",
    definition: journeyDefinitionSchema.parse(introduceComplementaryFeature),
  },
];

export function findTemplate(slug: string): JourneyTemplate | undefined {
  return JOURNEY_TEMPLATES.find((template) => template.slug === slug);
}
