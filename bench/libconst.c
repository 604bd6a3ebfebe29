/* The limit for a call that returns a number: a function in a shared
   library, called through the PLT, that returns a constant.  */
int
beast_const (void)
{
  return 666;
}
