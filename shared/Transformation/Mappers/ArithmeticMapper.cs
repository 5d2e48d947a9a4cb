using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary><c>add</c>, <c>subtract</c>, <c>multiply</c>, <c>divide</c>: the operand is a number, or a path or
/// JMESPath expression read on the entity (<c>multiply: quantity</c>). Numeric strings count as numbers.</summary>
internal sealed class ArithmeticMapper(ArithmeticMapper.Operation operation, decimal? constant, JsonPathExpression? operandPath) : IValueMapper
{
    public enum Operation { Add, Subtract, Multiply, Divide }

    public string Name => operation.ToString().ToLowerInvariant();

    public static IValueMapper? Build(MapperArguments arguments, Operation operation)
    {
        if (JsonValues.Decimal(arguments.Value) is { } number)
        {
            if (operation == Operation.Divide && number == 0)
            {
                arguments.Problem("cannot divide by zero");
                return null;
            }

            return new ArithmeticMapper(operation, number, null);
        }

        if (arguments.Text is { } text)
        {
            if (JsonPathExpression.TryParse(text, out var expression, out var error))
                return new ArithmeticMapper(operation, null, expression);
            arguments.Problem(error);
            return null;
        }

        arguments.Problem($"expects a number, or a path to one, got {ArgumentText.Describe(arguments.Value)}");
        return null;
    }

    public JsonNode? Map(JsonNode value, ExpressionInput entity)
    {
        var left = CastMapper.Number(value);
        var right = constant ?? Operand(entity);
        return JsonValues.Number(operation switch
        {
            Operation.Add => left + right,
            Operation.Subtract => left - right,
            Operation.Multiply => left * right,
            _ when right == 0 => throw new InvalidOperationException($"cannot divide {left} by zero ('{operandPath}' is 0)"),
            _ => left / right,
        });
    }

    private decimal Operand(ExpressionInput entity)
    {
        var operand = operandPath!.Evaluate(entity) ??
                      throw new InvalidOperationException($"operand '{operandPath}' is missing");
        try
        {
            return CastMapper.Number(operand);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"operand '{operandPath}': {e.Message}", e);
        }
    }
}

/// <summary><c>round: n</c> — to n decimal places (0 to 10), half away from zero.</summary>
internal sealed class RoundMapper(int decimals) : IValueMapper
{
    public string Name => "round";

    public static IValueMapper? Build(MapperArguments arguments)
    {
        if (JsonValues.Decimal(arguments.Value) is { } n && n == Math.Floor(n) && n is >= 0 and <= 10)
            return new RoundMapper((int)n);
        arguments.Problem($"expects the number of decimal places (0 to 10), got {ArgumentText.Describe(arguments.Value)}");
        return null;
    }

    public JsonNode? Map(JsonNode value, ExpressionInput entity) =>
        JsonValues.Number(Math.Round(CastMapper.Number(value), decimals, MidpointRounding.AwayFromZero));
}
