/**
 * The programme cycle on the plugin's home screen: where each programme stands (counts only, for every
 * role) and the meetings waiting for feedback (for curators and super admins, who see the pairs).
 */
import type { AdminCycleOverview } from '@nastavnik/shared';
import { programmeCycle } from '../cycle/overview.js';
import { meetingsAwaitingFeedback } from '../cycle/pairs.js';
import { currentActor } from '../tenancy/actor.js';
import type { Strapi } from '../types.js';

export async function cycleOverview(strapi: Strapi): Promise<AdminCycleOverview> {
  const actor = await currentActor(strapi);
  const seesPeople = actor.kind !== 'user' || actor.role === 'curator';
  const [cycle, waiting] = await Promise.all([
    programmeCycle(strapi),
    seesPeople ? meetingsAwaitingFeedback(strapi, { limit: 20 }) : Promise.resolve(null),
  ]);
  return { programmeCycle: cycle, meetingsAwaitingFeedback: waiting };
}
