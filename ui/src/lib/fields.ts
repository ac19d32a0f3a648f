// Field names from either API, put into one form so errors land next to the matching input.
//   "price"                 → "price"
//   "accounts[2].password"  → "accounts[2].password"
//   "accounts[2][password]" → "accounts[2].password"
//   "[filters][offer_type]" → "filters.offer_type"
//   "filters[offer_type]"   → "filters.offer_type"
//   "items.3.delivery_info" → "items[3].delivery_info"

export function normalizeField(name: string): string {
  let s = name.trim();
  s = s.replace(/\[(\d+)\]/g, ".#$1");
  s = s.replace(/\[([^\]]*)\]/g, ".$1");
  s = s.replace(/\.(\d+)(?=\.|$)/g, ".#$1");
  s = s.replace(/\.#(\d+)/g, "[$1]");
  s = s.replace(/^\.+/, "").replace(/\.{2,}/g, ".");
  return s;
}

/** A field name as a data-testid fragment: "accounts[2].password" → "accounts-2-password". */
export function fieldTestId(name: string): string {
  return normalizeField(name)
    .replace(/[\[\].]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .replace(/_/g, "-");
}
