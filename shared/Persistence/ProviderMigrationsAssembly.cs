using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Internal;

namespace Switchboard.Persistence;

/// <summary>Shows EF Core only the migrations (and model snapshot) of the provider in use, so one context type keeps
/// two migration sets side by side in its service: SQLite's and PostgreSQL's column types and DDL differ, and EF
/// otherwise wants one assembly per provider.</summary>
/// <remarks>MigrationsAssembly is EF's internal default (hence EF1001); it is what finds migrations by their
/// <c>[DbContext]</c> and <c>[Migration]</c> attributes, and only its two lookups are narrowed here.</remarks>
#pragma warning disable EF1001
internal sealed class ProviderMigrationsAssembly(
    ICurrentDbContext currentContext,
    IDbContextOptions options,
    IMigrationsIdGenerator idGenerator,
    IDiagnosticsLogger<DbLoggerCategory.Migrations> logger)
    : MigrationsAssembly(currentContext, options, idGenerator, logger)
{
    private readonly Type _contextType = currentContext.Context.GetType();
    private readonly string _namespaceSuffix = StateProviders.Of(currentContext.Context).MigrationsNamespaceSuffix();
    private IReadOnlyDictionary<string, TypeInfo>? _migrations;
    private Lazy<ModelSnapshot?>? _snapshot;

    public override IReadOnlyDictionary<string, TypeInfo> Migrations =>
        _migrations ??= base.Migrations
            .Where(m => InProviderNamespace(m.Value))
            .ToDictionary(m => m.Key, m => m.Value);

    public override ModelSnapshot? ModelSnapshot => (_snapshot ??= new(FindSnapshot)).Value;

    private ModelSnapshot? FindSnapshot() =>
        Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(ModelSnapshot)) && !t.IsAbstract && InProviderNamespace(t)
                && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == _contextType)
            .Select(t => (ModelSnapshot)Activator.CreateInstance(t)!)
            .SingleOrDefault();

    private bool InProviderNamespace(Type type) => type.Namespace?.EndsWith(_namespaceSuffix, StringComparison.Ordinal) == true;
}
#pragma warning restore EF1001
