using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace CxBot.Storage.Sqlite;

/// <summary>
/// Read connections, each keeping its prepared statements, lent out one at a time. In WAL mode readers never
/// wait for the writer and each statement sees the last commit before it started.
/// </summary>
internal sealed class SqliteReaders(string connectionString) : IDisposable
{
    private const int Kept = 16;
    private readonly ConcurrentBag<Reader> _idle = [];

    public Reader Rent() => _idle.TryTake(out var reader) ? reader : new Reader(this, connectionString);

    private void Return(Reader reader)
    {
        if (_idle.Count < Kept) _idle.Add(reader);
        else reader.Close();
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var reader)) reader.Close();
    }

    internal sealed class Reader : IDisposable
    {
        private readonly SqliteReaders _owner;
        private readonly SqliteConnection _connection;
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        public Reader(SqliteReaders owner, string connectionString)
        {
            _owner = owner;
            _connection = new SqliteConnection(connectionString);
            _connection.Open();
            using var pragma = _connection.CreateCommand();
            pragma.CommandText = "PRAGMA query_only = 1; PRAGMA busy_timeout = 5000;";
            pragma.ExecuteNonQuery();
        }

        /// <summary>The prepared command for <paramref name="sql"/>, its parameters cleared.</summary>
        public SqliteCommand Command(string sql)
        {
            if (!_commands.TryGetValue(sql, out var command))
            {
                command = _connection.CreateCommand();
                command.CommandText = sql;
                _commands[sql] = command;
            }

            command.Parameters.Clear();
            return command;
        }

        public void Dispose() => _owner.Return(this);

        public void Close()
        {
            foreach (var command in _commands.Values) command.Dispose();
            _connection.Dispose();
        }
    }
}
