new ChatBot.EchoBot().OnMention("general");
