using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Switchboard.Scheduler.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "scheduler");

            migrationBuilder.CreateTable(
                name: "runs",
                schema: "scheduler",
                columns: table => new
                {
                    RunId = table.Column<Guid>(type: "uuid", nullable: false),
                    Incoming = table.Column<string>(type: "text", nullable: false),
                    Trigger = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Pages = table.Column<int>(type: "integer", nullable: false),
                    Entities = table.Column<int>(type: "integer", nullable: false),
                    Error = table.Column<string>(type: "text", nullable: true),
                    Since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LatestChange = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ParentRunId = table.Column<Guid>(type: "uuid", nullable: true),
                    Full = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_runs", x => x.RunId);
                });

            migrationBuilder.CreateTable(
                name: "ticks",
                schema: "scheduler",
                columns: table => new
                {
                    Incoming = table.Column<string>(type: "text", nullable: false),
                    ScheduledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RunId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClaimedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticks", x => new { x.Incoming, x.ScheduledAt });
                });

            migrationBuilder.CreateTable(
                name: "watermarks",
                schema: "scheduler",
                columns: table => new
                {
                    Incoming = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RunId = table.Column<Guid>(type: "uuid", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_watermarks", x => x.Incoming);
                });

            migrationBuilder.CreateIndex(
                name: "IX_runs_Incoming_StartedAt",
                schema: "scheduler",
                table: "runs",
                columns: new[] { "Incoming", "StartedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "runs",
                schema: "scheduler");

            migrationBuilder.DropTable(
                name: "ticks",
                schema: "scheduler");

            migrationBuilder.DropTable(
                name: "watermarks",
                schema: "scheduler");
        }
    }
}
