ALTER TABLE "devices" ALTER COLUMN "battery_pct" SET DATA TYPE real;--> statement-breakpoint
ALTER TABLE "presses" ALTER COLUMN "seq" SET DATA TYPE bigint;