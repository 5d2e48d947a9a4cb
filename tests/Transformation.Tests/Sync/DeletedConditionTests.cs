using Switchboard.Transformation.Sync;
using Xunit;

namespace Switchboard.Transformation.Tests.Sync;

public sealed class DeletedConditionTests
{
    [Theory]
    [InlineData("""{"id": 1, "is_deleted": true}""", true)]
    [InlineData("""{"id": 1, "is_deleted": false}""", false)]
    [InlineData("""{"id": 1}""", false)]
    public void A_source_entity_is_deleted_when_the_condition_is_true(string entity, bool deleted) =>
        Assert.Equal(deleted, new DeletedCondition("is_deleted").IsMet(Steps.Entity(entity)));

    [Fact]
    public void A_condition_may_compare_values()
    {
        var condition = new DeletedCondition("status == 'archived'");

        Assert.True(condition.IsMet(Steps.Entity("""{"status": "archived"}""")));
        Assert.False(condition.IsMet(Steps.Entity("""{"status": "active"}""")));
    }

    [Fact]
    public void The_configuration_loader_is_told_why_a_condition_is_not_an_expression()
    {
        Assert.Null(Steps.Factory.Problem("status == 'archived'"));
        Assert.NotNull(Steps.Factory.Problem("status =="));
    }
}
