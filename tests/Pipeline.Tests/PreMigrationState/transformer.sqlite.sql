CREATE TABLE "key_mappings" (
    "Route" TEXT NOT NULL,
    "SourceKey" TEXT NOT NULL,
    "TargetId" TEXT NULL,
    "Fingerprint" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "PK_key_mappings" PRIMARY KEY ("Route", "SourceKey")
);


CREATE TABLE "outbox" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_outbox" PRIMARY KEY AUTOINCREMENT,
    "TaskId" TEXT NOT NULL,
    "Platform" TEXT NOT NULL,
    "Command" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL
);


CREATE TABLE "run_pages" (
    "RunId" TEXT NOT NULL,
    "PageNumber" INTEGER NOT NULL,
    "Incoming" TEXT NOT NULL,
    "Entities" INTEGER NOT NULL,
    "HandledAt" TEXT NOT NULL,
    CONSTRAINT "PK_run_pages" PRIMARY KEY ("RunId", "PageNumber")
);


CREATE TABLE "task_attempts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_task_attempts" PRIMARY KEY AUTOINCREMENT,
    "TaskId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "Outcome" TEXT NOT NULL,
    "Error" TEXT NULL,
    "RetryDelayMilliseconds" INTEGER NULL,
    "EndedAt" TEXT NOT NULL
);


CREATE TABLE "tasks" (
    "TaskId" TEXT NOT NULL CONSTRAINT "PK_tasks" PRIMARY KEY,
    "RunId" TEXT NOT NULL,
    "Route" TEXT NOT NULL,
    "Incoming" TEXT NOT NULL,
    "PageNumber" INTEGER NOT NULL,
    "EntityKey" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Reason" TEXT NULL,
    "TargetId" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Operation" TEXT NULL,
    "Fingerprint" TEXT NULL,
    "Source" TEXT NULL,
    "Attempts" INTEGER NOT NULL,
    "AttemptsAllowed" INTEGER NOT NULL,
    "NextAttemptAt" TEXT NULL,
    "Request" TEXT NULL,
    "Response" TEXT NULL
);


CREATE INDEX "IX_outbox_CreatedAt" ON "outbox" ("CreatedAt");


CREATE INDEX "IX_task_attempts_TaskId" ON "task_attempts" ("TaskId");


CREATE INDEX "IX_tasks_RunId_Status" ON "tasks" ("RunId", "Status");


CREATE INDEX "IX_tasks_Status_NextAttemptAt" ON "tasks" ("Status", "NextAttemptAt");


