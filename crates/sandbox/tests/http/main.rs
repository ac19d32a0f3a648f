//! The sandbox over real HTTP on loopback. One test binary (modules below) to keep link time
//! down on a 2-core machine.

mod admin;
mod common;
mod faults;
mod gg_offers;
mod gg_products;
mod ggchest_catalog;
mod ggchest_create;
mod ggchest_icons;
mod ggchest_manage;
mod ggchest_orders;
mod rate_limits;
