using System.Text;
using Microsoft.AspNetCore.Http;

namespace Switchboard.Sandbox;

/// <summary>Holds an answer's body in memory so it can be recorded before the client sees it, then sends it.</summary>
internal sealed class AnswerCapture
{
    private readonly HttpContext _context;
    private readonly Stream _original;
    private readonly MemoryStream _buffer = new();

    public AnswerCapture(HttpContext context)
    {
        _context = context;
        _original = context.Response.Body;
        context.Response.Body = _buffer;
    }

    public string? Text() => _buffer.Length == 0 ? null : Encoding.UTF8.GetString(_buffer.GetBuffer(), 0, (int)_buffer.Length);

    public async Task SendAsync()
    {
        _context.Response.Body = _original;
        if (_buffer.Length == 0) return;
        _buffer.Position = 0;
        await _buffer.CopyToAsync(_original, _context.RequestAborted).ConfigureAwait(false);
    }
}
