using Switchboard.Transformation.Sync;
using Xunit;

namespace Switchboard.Transformation.Tests.Sync;

public sealed class EntityFingerprintTests
{
    private static readonly EntityFingerprint Plain = new([]);

    [Fact]
    public void The_order_of_keys_does_not_change_the_fingerprint()
    {
        Assert.Equal(
            Plain.Of(Steps.Entity("""{"payload": {"name": "Mug", "price": 5, "tags": ["a", "b"]}, "path": {"objectId": "1"}}""")),
            Plain.Of(Steps.Entity("""{"path": {"objectId": "1"}, "payload": {"tags": ["a", "b"], "price": 5, "name": "Mug"}}""")));
    }

    [Fact]
    public void A_changed_value_or_item_order_changes_the_fingerprint()
    {
        var original = Plain.Of(Steps.Entity("""{"payload": {"name": "Mug", "price": 5, "tags": ["a", "b"]}}"""));

        Assert.NotEqual(original, Plain.Of(Steps.Entity("""{"payload": {"name": "Mug", "price": 6, "tags": ["a", "b"]}}""")));
        Assert.NotEqual(original, Plain.Of(Steps.Entity("""{"payload": {"name": "Mug", "price": 5, "tags": ["b", "a"]}}""")));
        Assert.NotEqual(original, Plain.Of(Steps.Entity("""{"payload": {"name": "Mug", "price": "5", "tags": ["a", "b"]}}""")));
    }

    [Fact]
    public void A_number_written_with_trailing_zeros_is_the_same_number()
    {
        Assert.Equal(Plain.Of(Steps.Entity("""{"price": 1.5}""")), Plain.Of(Steps.Entity("""{"price": 1.50}""")));
    }

    [Fact]
    public void The_fingerprint_is_the_sha256_of_the_canonical_json_in_lower_case_hex()
    {
        var fingerprint = Plain.Of(Steps.Entity("""{"b": 1, "a": "x"}"""));

        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("""{"a":"x","b":1}"""u8));
        Assert.Equal(expected, fingerprint);
    }

    [Fact]
    public void An_ignored_name_without_dots_is_left_out_at_any_depth()
    {
        var fingerprint = new EntityFingerprint(["date_modified"]);

        Assert.Equal(
            fingerprint.Of(Steps.Entity("""{"payload": {"name": "Mug", "date_modified": "2024-01-01", "variants": [{"sku": "A", "date_modified": "x"}]}}""")),
            fingerprint.Of(Steps.Entity("""{"payload": {"name": "Mug", "date_modified": "2025-06-30", "variants": [{"sku": "A", "date_modified": "y"}]}}""")));
        Assert.NotEqual(
            fingerprint.Of(Steps.Entity("""{"payload": {"name": "Mug", "date_modified": "2024-01-01"}}""")),
            fingerprint.Of(Steps.Entity("""{"payload": {"name": "Cup", "date_modified": "2024-01-01"}}""")));
    }

    [Fact]
    public void An_ignored_dotted_path_is_left_out_only_there_and_a_star_matches_any_key_or_item()
    {
        var fingerprint = new EntityFingerprint(["payload._links", "payload.variants.*.updated"]);

        Assert.Equal(
            fingerprint.Of(Steps.Entity("""{"payload": {"_links": {"self": "/1"}, "variants": [{"sku": "A", "updated": 1}, {"sku": "B", "updated": 2}]}}""")),
            fingerprint.Of(Steps.Entity("""{"payload": {"_links": {"self": "/2"}, "variants": [{"sku": "A", "updated": 3}, {"sku": "B", "updated": 4}]}}""")));
        Assert.NotEqual(
            fingerprint.Of(Steps.Entity("""{"payload": {"name": "Mug"}, "_links": 1}""")),
            fingerprint.Of(Steps.Entity("""{"payload": {"name": "Mug"}, "_links": 2}""")));
    }
}
