using Switchboard.Configuration;
using Switchboard.Transformation.Sync;
using Xunit;

namespace Switchboard.Transformation.Tests.Sync;

public sealed class PublishPlanTests
{
    private static OutgoingConfig Outgoing(UpsertConfig? upsert, string method = "POST") =>
        new() { Name = "ecwid-products", Client = "ecwid-store", Entity = "products", Method = method, Upsert = upsert };

    private static readonly UpsertConfig Upsert = new("POST", "PUT", "DELETE", "path.objectId");

    [Fact]
    public void Without_an_upsert_every_entity_is_sent_with_the_outgoings_method_even_when_its_key_is_mapped()
    {
        var plan = PublishPlan.ForEntity(Outgoing(null, "PATCH"), Steps.Entity("""{"payload": {"name": "Mug"}}"""), mappedId: "77");

        Assert.Equal((PublishOperation.Send, "PATCH"), (plan.Operation, plan.Method));
        Steps.AssertJson("""{"payload": {"name": "Mug"}}""", plan.Document);
    }

    [Fact]
    public void An_entity_whose_key_is_not_mapped_is_created()
    {
        var plan = PublishPlan.ForEntity(Outgoing(Upsert), Steps.Entity("""{"payload": {"name": "Mug"}}"""), mappedId: null);

        Assert.Equal((PublishOperation.Create, "POST"), (plan.Operation, plan.Method));
        Steps.AssertJson("""{"payload": {"name": "Mug"}}""", plan.Document);
    }

    [Fact]
    public void An_entity_whose_key_is_mapped_is_an_update_of_the_mapped_id_as_the_object_addressed()
    {
        var plan = PublishPlan.ForEntity(Outgoing(Upsert), Steps.Entity("""{"payload": {"name": "Mug"}, "path": {"storeId": "5"}}"""), mappedId: "77");

        Assert.Equal((PublishOperation.Update, "PUT"), (plan.Operation, plan.Method));
        Steps.AssertJson("""{"payload": {"name": "Mug"}, "path": {"storeId": "5", "objectId": "77"}}""", plan.Document);
    }

    [Fact]
    public void An_id_path_in_the_payload_gets_a_whole_number_id_as_a_number_and_any_other_as_text()
    {
        var upsert = Upsert with { IdPath = "payload.product.id", Update = "PATCH" };

        var numeric = PublishPlan.ForEntity(Outgoing(upsert), Steps.Entity("""{"payload": {"name": "Mug"}}"""), mappedId: "77");
        var text = PublishPlan.ForEntity(Outgoing(upsert), Steps.Entity("""{"payload": {}}"""), mappedId: "0077");

        Assert.Equal("PATCH", numeric.Method);
        Steps.AssertJson("""{"payload": {"name": "Mug", "product": {"id": 77}}}""", numeric.Document);
        Steps.AssertJson("""{"payload": {"product": {"id": "0077"}}}""", text.Document);
    }

    [Fact]
    public void A_delete_addresses_the_mapped_id_and_is_nothing_when_the_key_was_never_published()
    {
        var delete = PublishPlan.ForDelete(Outgoing(Upsert with { IdPath = "payload.id" }), mappedId: "77");

        Assert.NotNull(delete);
        Assert.Equal((PublishOperation.Delete, "DELETE"), (delete.Operation, delete.Method));
        Steps.AssertJson("""{"path": {"objectId": "77"}}""", delete.Document);
        Assert.Null(PublishPlan.ForDelete(Outgoing(Upsert), mappedId: null));
        Assert.Null(PublishPlan.ForDelete(Outgoing(Upsert with { Delete = null }), mappedId: "77"));
    }

    [Fact]
    public void A_delete_of_a_nested_object_is_addressed_under_the_parent_it_was_written_under()
    {
        var variants = Outgoing(Upsert with { IdPath = "path.nestedObjectId" }) with { Entity = "catalog/products", NestedEntity = "variants" };

        var delete = PublishPlan.ForDelete(variants, mappedId: "9", address: """{"objectId": "111", "nestedObjectId": "8"}""");

        Steps.AssertJson("""{"path": {"objectId": "111", "nestedObjectId": "9"}}""", delete!.Document);
    }
}
