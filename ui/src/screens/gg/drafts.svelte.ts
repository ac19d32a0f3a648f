// What was typed into the new-listing form, per profile, kept while the app runs: switching tabs
// or profiles never loses it. Only a successful create (or "Clear form") empties it.

export class ListingDraft {
  name = $state("");
  description = $state("");
  category = $state("");
  brand = $state("");
  price = $state("");
  currency = $state("EUR");
  delivery = $state<"AUTO" | "MANUAL">("AUTO");
  imageUrl = $state("");
  codes = $state("");

  reset(): void {
    this.name = "";
    this.description = "";
    this.category = "";
    this.brand = "";
    this.price = "";
    this.currency = "EUR";
    this.delivery = "AUTO";
    this.imageUrl = "";
    this.codes = "";
  }
}

const drafts = new Map<string, ListingDraft>();

export function createDraft(profileId: string): ListingDraft {
  let d = drafts.get(profileId);
  if (!d) {
    d = new ListingDraft();
    drafts.set(profileId, d);
  }
  return d;
}
