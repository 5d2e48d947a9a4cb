using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Switchboard.Transformer.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class KeyMappingParentsAndAddresses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ParentKey",
                table: "tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TargetAddress",
                table: "tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ParentKey",
                table: "key_mappings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TargetAddress",
                table: "key_mappings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_key_mappings_Route_ParentKey",
                table: "key_mappings",
                columns: new[] { "Route", "ParentKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_key_mappings_Route_ParentKey",
                table: "key_mappings");

            migrationBuilder.DropColumn(
                name: "ParentKey",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "TargetAddress",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "ParentKey",
                table: "key_mappings");

            migrationBuilder.DropColumn(
                name: "TargetAddress",
                table: "key_mappings");
        }
    }
}
