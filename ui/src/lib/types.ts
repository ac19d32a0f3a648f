// The data types screens import: the shell's own, generated from the Rust types by ts-rs into
// ./bindings/ (`SELLER_DESK_WRITE_BINDINGS=1 cargo test -p seller-desk --test contract`).
// Nothing is written by hand here: a mismatch with the shell is a type error.

export type * from "./bindings";
