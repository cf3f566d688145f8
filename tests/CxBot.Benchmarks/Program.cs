using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/CxBot.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
