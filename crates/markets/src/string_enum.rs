//! Enums that the marketplaces send as strings.
//!
//! Decoding is liberal: any casing is accepted (GGChest writes `ACTIVE` in one place and
//! `active` in another), documented aliases map to their variant, and a value this version has
//! never seen becomes `Unknown(text)` instead of failing the whole response. Encoding sends the
//! documented spelling. `FromStr` is strict, for parsing what a person typed.

macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal $(| $alias:literal)* ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this version of Seller Desk does not know, kept exactly as received.
            Unknown(String),
        }

        impl $name {
            /// Every documented value, in documentation order.
            pub const KNOWN: &'static [$name] = &[$($name::$variant),+];

            /// The documented spelling (or the unknown text as received).
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $wire, )+
                    $name::Unknown(s) => s.as_str(),
                }
            }

            /// Case-insensitive decoding that never fails.
            pub fn decode(s: &str) -> Self {
                let t = s.trim();
                $(
                    if t.eq_ignore_ascii_case($wire) $(|| t.eq_ignore_ascii_case($alias))* {
                        return $name::$variant;
                    }
                )+
                $name::Unknown(s.to_owned())
            }

            pub fn is_known(&self) -> bool {
                !matches!(self, $name::Unknown(_))
            }

            /// The documented values joined for an error message: `a, b or c`.
            pub fn choices() -> String {
                let v: Vec<&str> = Self::KNOWN.iter().map(|k| k.as_str()).collect();
                match v.split_last() {
                    Some((last, rest)) if !rest.is_empty() => format!("{} or {}", rest.join(", "), last),
                    _ => v.join(""),
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        /// TypeScript: the documented spellings as a union, plus any other string (what
        /// `Unknown` carries); `(string & {})` keeps editors suggesting the known values.
        #[cfg(feature = "ts")]
        impl ::ts_rs::TS for $name {
            type WithoutGenerics = Self;
            type OptionInnerType = Self;
            fn name(_: &::ts_rs::Config) -> String {
                stringify!($name).to_owned()
            }
            fn inline(_: &::ts_rs::Config) -> String {
                let mut union: Vec<String> = vec![$(format!("{:?}", $wire)),+];
                union.push("(string & {})".to_owned());
                union.join(" | ")
            }
            fn decl(cfg: &::ts_rs::Config) -> String {
                format!("type {} = {};", Self::name(cfg), Self::inline(cfg))
            }
            fn decl_concrete(cfg: &::ts_rs::Config) -> String {
                Self::decl(cfg)
            }
            fn output_path() -> Option<::std::path::PathBuf> {
                Some(::std::path::PathBuf::from(concat!(stringify!($name), ".ts")))
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                match $name::decode(s) {
                    $name::Unknown(_) => Err(format!("`{}` is not valid: use {}", s.trim(), $name::choices())),
                    known => Ok(known),
                }
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(d)?;
                Ok($name::decode(&s))
            }
        }
    };
}

pub(crate) use string_enum;

#[cfg(test)]
mod tests {
    string_enum! {
        pub enum Colour { Red = "red" | "crimson", Green = "GREEN" }
    }

    #[test]
    fn decodes_any_case_aliases_and_unknowns() {
        assert_eq!(Colour::decode("RED"), Colour::Red);
        assert_eq!(Colour::decode("Crimson"), Colour::Red);
        assert_eq!(Colour::decode("green"), Colour::Green);
        assert_eq!(Colour::decode("blue"), Colour::Unknown("blue".into()));
        assert!(Colour::Red.is_known() && !Colour::decode("blue").is_known());
        let c: Colour = serde_json::from_str("\"Blue\"").unwrap();
        assert_eq!(serde_json::to_string(&c).unwrap(), "\"Blue\"", "unknown values round-trip as received");
        assert_eq!(serde_json::to_string(&Colour::Green).unwrap(), "\"GREEN\"");
    }

    #[test]
    fn from_str_is_strict_and_lists_the_choices() {
        assert_eq!("red".parse::<Colour>().unwrap(), Colour::Red);
        let err = "blue".parse::<Colour>().unwrap_err();
        assert_eq!(err, "`blue` is not valid: use red or GREEN");
    }
}
