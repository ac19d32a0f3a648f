// The create wizard's state per profile, kept while the app runs (tabs and profile switches
// never lose what was typed); emptied only after a successful create.

import type { Attribute } from "../../../lib/types";
import { emptyForm, type OfferForm } from "../offer-request";

export class WizardDraft {
  step = $state(0);
  f = $state<OfferForm>(emptyForm());
  attributes = $state<Attribute[]>([]);

  reset(): void {
    this.step = 0;
    this.f = emptyForm(this.f.offerType);
    this.attributes = [];
  }
}

const drafts = new Map<string, WizardDraft>();

export function wizardDraft(profileId: string): WizardDraft {
  let d = drafts.get(profileId);
  if (!d) {
    d = new WizardDraft();
    drafts.set(profileId, d);
  }
  return d;
}
