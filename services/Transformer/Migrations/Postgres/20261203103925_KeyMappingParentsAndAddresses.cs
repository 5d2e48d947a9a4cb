using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Switchboard.Transformer.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class KeyMappingParentsAndAddresses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ParentKey",
                schema: "transformer",
                table: "tasks",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TargetAddress",
                schema: "transformer",
                table: "tasks",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ParentKey",
                schema: "transformer",
                table: "key_mappings",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TargetAddress",
                schema: "transformer",
                table: "key_mappings",
                type: "text",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_key_mappings_Route_ParentKey",
                schema: "transformer",
                table: "key_mappings",
                columns: new[] { "Route", "ParentKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_key_mappings_Route_ParentKey",
                schema: "transformer",
                table: "key_mappings");

            migrationBuilder.DropColumn(
                name: "ParentKey",
                schema: "transformer",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "TargetAddress",
                schema: "transformer",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "ParentKey",
                schema: "transformer",
                table: "key_mappings");

            migrationBuilder.DropColumn(
                name: "TargetAddress",
                schema: "transformer",
                table: "key_mappings");
        }
    }
}
