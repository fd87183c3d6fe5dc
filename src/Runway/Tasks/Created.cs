namespace Runway.Tasks
{
    /// <summary>
    /// A paid thing just made (a task by <see cref="TaskCreator"/>, a workflow run by <see cref="WorkflowRunner"/>), and
    /// whether the journal could record it.
    /// </summary>
    public sealed class Created<T>
    {
        public Created(T value, string? journalError)
        {
            Value = value;
            JournalError = journalError;
        }

        public T Value { get; }
        /// <summary>Why the journal could not record it (keep its id!), or null.</summary>
        public string? JournalError { get; }
    }
}
