DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM pg_namespace WHERE nspname = 'scheduler') THEN
        CREATE SCHEMA scheduler;
    END IF;
END $EF$;


CREATE TABLE scheduler.runs (
    "RunId" uuid NOT NULL,
    "Incoming" text NOT NULL,
    "Trigger" text NOT NULL,
    "Status" text NOT NULL,
    "StartedAt" timestamp with time zone NOT NULL,
    "CompletedAt" timestamp with time zone,
    "Pages" integer NOT NULL,
    "Entities" integer NOT NULL,
    "Error" text,
    "Since" timestamp with time zone,
    "LatestChange" timestamp with time zone,
    "ParentRunId" uuid,
    "Full" boolean NOT NULL,
    CONSTRAINT "PK_runs" PRIMARY KEY ("RunId")
);


CREATE TABLE scheduler.ticks (
    "Incoming" text NOT NULL,
    "ScheduledAt" timestamp with time zone NOT NULL,
    "RunId" uuid NOT NULL,
    "ClaimedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_ticks" PRIMARY KEY ("Incoming", "ScheduledAt")
);


CREATE TABLE scheduler.watermarks (
    "Incoming" text NOT NULL,
    "Value" timestamp with time zone NOT NULL,
    "RunId" uuid NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_watermarks" PRIMARY KEY ("Incoming")
);


CREATE INDEX "IX_runs_Incoming_StartedAt" ON scheduler.runs ("Incoming", "StartedAt");


