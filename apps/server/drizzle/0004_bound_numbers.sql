-- Every number Goalpost stores is finite and bounded (|x| ≤ 1e21, see packages/domain number-bounds.ts).
-- Before this release a check-in such as 1e308 on a KPI stored a progress of Infinity, which took the goals
-- list down for everyone. Such numbers are not kept: the state or check-in keeps its row, with no value.
-- (In PostgreSQL NaN and ±Infinity compare above every finite number, so `abs(x) > 1e21` finds them too.)
UPDATE "key_results" SET "value" = NULL, "progress" = NULL
  WHERE abs("value") > 1e21 OR abs("progress") > 1e21;
--> statement-breakpoint
UPDATE "objectives" SET "value" = NULL, "progress" = NULL
  WHERE abs("value") > 1e21 OR abs("progress") > 1e21;
--> statement-breakpoint
UPDATE "check_ins" SET "value" = NULL, "progress" = NULL
  WHERE abs("value") > 1e21 OR abs("progress") > 1e21;
