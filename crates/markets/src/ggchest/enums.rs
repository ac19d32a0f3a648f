//! GGChest's string enums. Decoding accepts any casing (the README writes `ACTIVE`, the spec
//! and the docs site `active`); requests send the spelling the spec's enums use.

use crate::string_enum::string_enum;

string_enum! {
    pub enum OfferType {
        Accounts = "accounts",
        Items = "items",
        Currency = "currency",
    }
}

string_enum! {
    /// The README also calls a draft offer "paused" (toggle: "if the offer was paused, the
    /// request will activate it").
    pub enum OfferStatus {
        Active = "active",
        Draft = "draft" | "paused",
        Deleted = "deleted",
    }
}

string_enum! {
    pub enum DeliveryMethod {
        Manual = "manual",
        Auto = "auto",
    }
}

string_enum! {
    /// The docs site's list (the README's lacks `2d`).
    pub enum DeliveryTime {
        Minutes5 = "5m",
        Minutes20 = "20m",
        Hour1 = "1h",
        Hours5 = "5h",
        Hours12 = "12h",
        Day1 = "1d",
        Days2 = "2d",
        Days3 = "3d",
        Days7 = "7d",
        Days14 = "14d",
        Days28 = "28d",
    }
}

string_enum! {
    pub enum OrderStatus {
        Canceled = "CANCELED" | "CANCELLED",
        WaitingDelivery = "WAITING_DELIVERY",
        Delivered = "DELIVERED",
        Received = "RECEIVED",
        Completed = "COMPLETED",
    }
}

string_enum! {
    pub enum SortDirection {
        Asc = "asc",
        Desc = "desc",
    }
}
