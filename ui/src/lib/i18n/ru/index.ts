// The Russian catalog: English source text → Russian, one file per area of the UI so that
// changes to different screens do not collide. Plural entries have the key "one|other" and
// three forms "one|few|many".

import common from "./common";
import table from "./table";
import errors from "./errors";
import lib from "./lib";
import components from "./components";
import shell from "./shell";
import profiles from "./profiles";
import gg from "./gg";
import ggchest from "./ggchest";
import jobs from "./jobs";
import audit from "./audit";
import settings from "./settings";
import messages from "./messages";

export const ru: Record<string, string> = {
  ...common,
  ...table,
  ...errors,
  ...lib,
  ...components,
  ...shell,
  ...profiles,
  ...gg,
  ...ggchest,
  ...jobs,
  ...audit,
  ...settings,
  ...messages,
};
