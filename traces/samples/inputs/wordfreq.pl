# bpsim sample workload for perl: word frequencies of a text, most frequent first (written for
# this project).
use strict;
use warnings;

my %count;
while (my $line = <>) {
  for my $word (split /[^A-Za-z]+/, lc $line) {
    next if $word eq '';
    $count{$word}++;
  }
}
my @words = sort { $count{$b} <=> $count{$a} || $a cmp $b } keys %count;
printf "%-20s %d\n", $_, $count{$_} for @words[0 .. 29];
