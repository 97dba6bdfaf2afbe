ALTER TABLE "sites" ADD COLUMN "status_token" text;--> statement-breakpoint
ALTER TABLE "sites" ADD CONSTRAINT "sites_statusToken_unique" UNIQUE("status_token");