namespace TicketTriage.Bench.DataGenerator;

/// <summary>
/// When tickets come in over the period: mostly on working days and in working hours (UTC), fewer
/// at night and at weekends, in ascending order so that ids follow creation as they do in the service.
/// </summary>
internal static class CreationTimes
{
    // Relative arrivals per hour of the day, 00:00 to 23:00.
    private static readonly int[] HourWeights = [2, 1, 1, 1, 1, 2, 4, 8, 14, 18, 18, 16, 12, 15, 17, 16, 13, 9, 6, 4, 3, 3, 2, 2];

    public static long[] Draw(Random random, int count, DateTimeOffset from, DateTimeOffset to)
    {
        var days = (int)(to - from).TotalDays;
        var hourTotal = HourWeights.Sum();
        var ticks = new long[count];
        for (var i = 0; i < count; i++)
        {
            long instant;
            do
            {
                var day = from.UtcDateTime.Date.AddDays(random.Next(days + 1));
                if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && random.Next(5) != 0)
                {
                    instant = -1;
                    continue;
                }

                var roll = random.Next(hourTotal);
                var hour = 0;
                while ((roll -= HourWeights[hour]) >= 0)
                {
                    hour++;
                }

                instant = day.Ticks + (hour * TimeSpan.TicksPerHour) + (random.NextInt64(TimeSpan.TicksPerHour) / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond);
            }
            while (instant < from.UtcTicks || instant >= to.UtcTicks);

            ticks[i] = instant;
        }

        Array.Sort(ticks);
        return ticks;
    }
}
